// File names made from text: the one sanitiser lives on the core floor, so the features'
// files (tables/<id>.csv) and the writers' (docs/<title>.md) share it.
export { safeName, uniqueNames } from '../core/filenames.js';
