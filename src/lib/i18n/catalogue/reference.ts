import { catalogue } from './define';

// Keys start with 'reference.' so catalogues never collide.
export default catalogue({}, {});
