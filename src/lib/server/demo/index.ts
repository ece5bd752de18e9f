// demo: seed-demo's network with a year of life, driven through the domains' own commands.
export { printDemoSummary, seedDemoNetwork } from './network';
