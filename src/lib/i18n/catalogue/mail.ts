import { catalogue } from './define';

// Keys start with 'mail.' so catalogues never collide.
export default catalogue({}, {});
