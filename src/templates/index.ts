/** Model generators: documents a user starts from. */
export { platformTemplate, defaultSideNames, SIDE_NAME, type PlatformOptions } from './platform.js';
