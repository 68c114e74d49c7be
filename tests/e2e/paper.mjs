// Reading printed pages back: page counts, word boxes and how much of a page is inked,
// with poppler-utils (pdfinfo, pdftotext, pdftoppm).
import { execFileSync } from "node:child_process";

/** Page count of a PDF. */
export function pageCount(pdf) {
  return Number(execFileSync("pdfinfo", [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
}

/** Every word of a PDF with its page and box height; a word drawn twice in place (a chart
 *  label with an outline) counts once, at its taller box. */
export function pdfWords(pdf) {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 1 << 26 }).toString();
  const words = [];
  xml.split("<page ").slice(1).forEach((pageXml, i) => {
    for (const m of pageXml.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)) {
      const word = m[4].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
      const w = { page: i + 1, word, x: Number(m[1]), bottom: Number(m[3]), height: Number(m[3]) - Number(m[2]) };
      const twin = words.find((o) => o.page === w.page && o.word === w.word && Math.abs(o.x - w.x) < 1 && Math.abs(o.bottom - w.bottom) < 2);
      if (!twin) words.push(w);
      else twin.height = Math.max(twin.height, w.height);
    }
  });
  return words;
}

/** Share of a PDF page's pixels darker than mid-grey, rendered in grey at 30 dpi: a page
 *  printed black on white is mostly white (a report page inks about 5–15%). */
export function inkShare(pdf, page = 1) {
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", "30", "-f", String(page), "-l", String(page), pdf]);
  // Binary PGM: "P5\n<width> <height>\n255\n" then one byte a pixel.
  const header = pgm.subarray(0, 40).toString("latin1").match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const v of pixels) if (v < 128) dark++;
  return dark / pixels.length;
}
