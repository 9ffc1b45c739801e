// The bring-up screen imports from here; the implementation is shared with plain output.
export { displayWidth, padColumns } from '../text/text-width.js';
