import { catalogue } from './define';

// Keys start with 'admin.' so catalogues never collide.
export default catalogue({}, {});
