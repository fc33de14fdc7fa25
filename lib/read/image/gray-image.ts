/** An 8-bit grey image, row-major, one byte per pixel; 0 is black. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}
