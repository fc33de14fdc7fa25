// pdf.js 5 (legacy build) creates a DOMMatrix when its module loads and takes DOMMatrix, Path2D
// and ImageData from @napi-rs/canvas on Node. The zip functions ship without that native canvas
// (32 MB, x86-only here): they only read text layers, which never draw. This minimal DOMMatrix
// (2-D affine part) lets pdf.js load; drawing stays unavailable, as intended.
class DOMMatrixPolyfill {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (Array.isArray(init) && init.length >= 6)
      [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }
  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  multiplySelf(m: DOMMatrixPolyfill): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }
  multiply(m: DOMMatrixPolyfill): DOMMatrixPolyfill {
    return new DOMMatrixPolyfill([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(m);
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new DOMMatrixPolyfill([1, 0, 0, 1, x, y]));
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new DOMMatrixPolyfill([x, 0, 0, y, 0, 0]));
  }
  translate(x = 0, y = 0): DOMMatrixPolyfill {
    return this.multiply(new DOMMatrixPolyfill([1, 0, 0, 1, x, y]));
  }
  scale(x = 1, y = x): DOMMatrixPolyfill {
    return this.multiply(new DOMMatrixPolyfill([x, 0, 0, y, 0, 0]));
  }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    const { a, b, c, d, e, f } = this;
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }
  inverse(): DOMMatrixPolyfill {
    return new DOMMatrixPolyfill([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
  }
}

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= DOMMatrixPolyfill;
