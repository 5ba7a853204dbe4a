// Renders Lotse's app icons: a white compass (ring + needle) on deep teal. "Lotse" is the
// maritime pilot who guides ships into port. Writes the SVG sources and the PNGs the web app
// manifest lists. Run: npx tsx scripts/render-icons.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const teal = '#0b4f6c';
const paleTeal = '#7cc4d8';
const canvas = 512;
const centre = canvas / 2;

// The mark, drawn around the centre of a 512 canvas. Its outer edge is the ring's outside.
const ringRadius = 150;
const ringWidth = 30;
const markRadius = ringRadius + ringWidth / 2;
const needleLength = 118;
const needleHalfWidth = 44;

function compassMark(): string {
  const n = needleLength;
  const w = needleHalfWidth;
  // Needle pointing north-east: heading out, steady course.
  return [
    `<circle cx="${centre}" cy="${centre}" r="${ringRadius}" fill="none" stroke="#fff" stroke-width="${ringWidth}"/>`,
    `<g transform="rotate(45 ${centre} ${centre})">`,
    `<path d="M${centre} ${centre - n} L${centre + w} ${centre} L${centre - w} ${centre} Z" fill="#fff"/>`,
    `<path d="M${centre} ${centre + n} L${centre + w} ${centre} L${centre - w} ${centre} Z" fill="${paleTeal}"/>`,
    `</g>`,
    `<circle cx="${centre}" cy="${centre}" r="13" fill="${teal}"/>`,
  ].join('');
}

/** `maskable`: full-bleed square, the mark inside the central 80% safe zone. */
function iconSvg(options: { maskable: boolean; size?: number }): string {
  const size = options.size ?? canvas;
  const background = options.maskable
    ? `<rect width="${canvas}" height="${canvas}" fill="${teal}"/>`
    : `<rect width="${canvas}" height="${canvas}" rx="112" fill="${teal}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${canvas} ${canvas}" ` +
    `width="${size}" height="${size}" role="img" aria-label="Lotse">` +
    `${background}${compassMark()}</svg>`
  );
}

// The maskable safe zone is a circle of 40% of the icon's width around the centre.
if (markRadius > canvas * 0.4) throw new Error('The mark leaves the maskable safe zone.');

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const iconsDir = fileURLToPath(new URL('../public/icons/', import.meta.url));

const pngs = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

async function main(): Promise<void> {
  await mkdir(iconsDir, { recursive: true });
  const svg = `${iconSvg({ maskable: false })}\n`;
  await writeFile(`${iconsDir}icon.svg`, svg);
  await writeFile(`${publicDir}favicon.svg`, svg);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  try {
    for (const { file, size, maskable } of pngs) {
      const page = await browser.newPage({
        viewport: { width: size, height: size },
        deviceScaleFactor: 1,
      });
      await page.setContent(
        '<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>' +
          iconSvg({ maskable, size }),
      );
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await writeFile(`${iconsDir}${file}`, png);
      await page.close();
      console.log(`public/icons/${file} (${size}×${size}, ${png.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

await main();
