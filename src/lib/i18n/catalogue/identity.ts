import { catalogue } from './define';

// Keys start with 'identity.' so catalogues never collide.
export default catalogue({}, {});
