declare const scopeBrand: unique symbol;

/**
 * Proof that the gate checked which offices a caller may see. Queries of personal data take
 * one, so a query without a checked scope does not compile. Only http/gate.ts mints scopes
 * (scripts/check-structure.mjs fails the build when anything else imports `mintScope`).
 */
export type OfficeScope = {
	readonly [scopeBrand]: true;
	/** true for network admins: every office. */
	readonly all: boolean;
	readonly officeIds: readonly number[];
};

export function mintScope(all: boolean, officeIds: readonly number[]): OfficeScope {
	return { all, officeIds: [...officeIds] } as unknown as OfficeScope;
}

export function scopeIncludes(scope: OfficeScope, officeId: number): boolean {
	return scope.all || scope.officeIds.includes(officeId);
}
