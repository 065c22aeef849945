// pdf.js ships .d.mts types that `moduleResolution: node` does not pick up; pdf.ts declares the
// few shapes it uses itself.
declare module 'pdfjs-dist/legacy/build/pdf.mjs';
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
