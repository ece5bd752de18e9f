import { catalogue } from './define';

// Keys start with 'audit.' so catalogues never collide.
export default catalogue({}, {});
