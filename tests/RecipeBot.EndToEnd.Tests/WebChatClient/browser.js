// A visitor in a real browser: headless Chromium (the system's, driven by puppeteer-core) opens the bot's /webchat
// page, where Microsoft's Web Chat runs; types a question, waits for the recipes and presses a button of the answer.
// Usage: node browser.js <bot base URL> <chromium path> <screenshot folder>
// Prints each step as a JSON line; screenshots go to the folder.
'use strict';

const path = require('path');
const puppeteer = require('puppeteer-core');

const [baseUrl, chromium, shots] = process.argv.slice(2);
const print = (step, value) => process.stdout.write(JSON.stringify({ step, ...value }) + '\n');
let browser;
const fail = async (message, page) => {
  if (page) { await page.screenshot({ path: path.join(shots, 'webchat-failed.png') }).catch(() => {}); }
  print('error', { message: String(message) });
  if (browser) { await browser.close().catch(() => {}); }
  process.exit(1);
};
setTimeout(() => fail('timed out'), 90000).unref();

const transcriptText = (page) => page.$eval('#webchat', (e) => e.innerText).catch(() => '');
const waitForText = (page, text) => page.waitForFunction(
  (t) => document.body.innerText.includes(t), { timeout: 30000, polling: 100 }, text);

async function main() {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run']
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 800, height: 1000 });
  page.on('console', (m) => { if (m.type() === 'error') { print('console', { text: m.text() }); } });
  try {
    await page.goto(new URL('/webchat?lang=en', baseUrl).href, { waitUntil: 'load' });
    print('page', { title: await page.title(), heading: await page.$eval('h1', (e) => e.innerText) });

    // The greeting, with its language buttons.
    await page.waitForSelector('.webchat__suggested-action', { timeout: 30000 });
    print('greeting', { buttons: await page.$$eval('.webchat__suggested-action', (bs) => bs.map((b) => b.innerText.trim())) });

    // A question typed in the visitor's own words.
    const input = await page.waitForSelector('[data-id="webchat-sendbox-input"]');
    await input.type("We can't find any NGOs to work with");
    await page.keyboard.press('Enter');
    await waitForText(page, 'What helps with');
    await page.screenshot({ path: path.join(shots, 'webchat-recipes.png') });
    const recipes = await transcriptText(page);
    const buttons = await page.$$eval('.webchat__suggested-action', (bs) => bs.map((b) => b.innerText.trim()));
    print('recipes', { text: recipes, buttons });

    // A button of the answer: Web Chat shows its label and sends the choice.
    const pressed = buttons[0];
    const before = recipes.length;
    await page.evaluate((label) => {
      const button = [...document.querySelectorAll('.webchat__suggested-action')].find((b) => b.innerText.trim() === label);
      button.click();
    }, pressed);
    await page.waitForFunction(
      (n) => { const log = document.querySelector('#webchat'); return log && log.innerText.length > n + 40; },
      { timeout: 30000, polling: 100 }, before + pressed.length);
    // The reply may still be rendering its last lines: wait until the transcript stops growing.
    let last = '';
    for (let i = 0; i < 50; i++) {
      const now = await transcriptText(page);
      if (now === last) { break; }
      last = now;
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.screenshot({ path: path.join(shots, 'webchat-pressed.png') });
    print('pressed', { label: pressed, text: last.slice(before) });
  } catch (e) {
    await fail(e && e.stack || e, page);
  }

  await browser.close();
  print('done', {});
  process.exit(0);
}

main().catch((e) => fail(e));
