'use strict';
// Starts telegram-test-api (a Telegram Bot API emulator by others) for TelegramEmulatorEndToEndTests.
//
//   node emulator.js [port]      (port 0 or none: any free port)
//
// Listens on 127.0.0.1 and prints one line, {"port": <n>}, once it accepts connections. It stops
// when its standard input closes, so it never outlives the test that started it.
//
// The bot talks to /bot<token>/<method> as it would to Telegram; the simulated user talks to the
// emulator's own client routes (/sendCommand, /sendCallback, /getUpdates). Every request is answered
// by the emulator as published: nothing is patched, so the bot meets the emulator's gaps and quirks
// (no is_bot in getMe, no setMyCommands, getUpdates answered at once, null results, dates in
// milliseconds) just as it would meet them in another server that is not quite Telegram.
// Plain CommonJS, so Debian's and Ubuntu's own Node runs it.

const http = require('http');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || 0);
const emulator = new TelegramServer({ host: '127.0.0.1', port: port || 9000 });

// The emulator lacks a free port: emulator.start() listens on config.port, where 0 means 9000. Its
// express app is served from our own server instead, which takes any free port. (Without start() its
// clean-up timer does not run either, so nothing expires during a slow test.)
const app = emulator.webServer;
if (typeof app !== 'function') {
  throw new Error('telegram-test-api no longer exposes its express app as webServer; emulator.js needs updating.');
}

const server = http.createServer((req, res) => {
  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url.split('?')[0]);
  const method = match && match[2];
  if (method !== 'getUpdates' && req.url !== '/getUpdates') {
    // The emulator lacks a request log the test can show. Polls are left out: they come every second.
    process.stderr.write(`${req.method} ${match ? `bot ${method}` : req.url}\n`);
  }

  app(req, res);
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
