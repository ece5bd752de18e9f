import { catalogue } from './define';

// Keys start with 'pages.' so catalogues never collide.
export default catalogue({}, {});
