'use strict';
// Starts telegram-test-api (a Telegram Bot API emulator by others) for TelegramEmulatorEndToEndTests.
//
//   node emulator.js [port]      (port 0 or none: any free port)
//
// Listens on 127.0.0.1 and prints one line, {"port": <n>}, once it accepts connections. It stops
// when its standard input closes, so it never outlives the test that started it.
//
// The bot talks to /bot<token>/<method> as it would to Telegram; the simulated user talks to the
// emulator's own client routes (/sendCommand, /sendCallback, /getUpdates). Everything is answered
// by the emulator except the few Bot API methods below, which it lacks or answers in a shape the
// real Telegram never uses; each says why. Plain CommonJS, so Debian's and Ubuntu's own Node runs it.

const http = require('http');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || 0);
const emulator = new TelegramServer({ host: '127.0.0.1', port: port || 9000 });

// Not emulator.start(): that listens on config.port, where 0 means 9000. The emulator's express app
// is served from our own server instead, which takes any free port and can intercept methods. (Without
// start() the emulator's clean-up timer does not run either, so nothing expires during a slow test.)
const app = emulator.webServer;
if (typeof app !== 'function') {
  throw new Error('telegram-test-api no longer exposes its express app as webServer; emulator.js needs updating.');
}

// The emulator's getMe answer, plus is_bot, which Telegram always sends and the emulator leaves out.
const me = { id: 666, is_bot: true, first_name: 'Test First name', username: 'TestNameBot' };

const overrides = {
  getMe: () => me,
  // Not implemented by the emulator (an "unknown method" 500); the bot sets its commands at start-up.
  setMyCommands: () => true,
  // The emulator answers result: null; Telegram answers true.
  answerCallbackQuery: () => true,
  // The emulator answers result: null; Telegram answers the edited message or true.
  editMessageReplyMarkup: (token, body) => {
    emulator.editMessageReplyMarkup(body);
    return true;
  },
  // The emulator answers at once, so a polling bot would spin; this waits for the first update
  // up to the requested timeout, as Telegram's long polling does. Delivered updates are marked read
  // by the emulator (offset is not needed to confirm them).
  getUpdates: (token, body) => longPoll(token, Math.min(Number(body.timeout) || 0, 50)),
};

const userEvents = ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery'];

function longPoll(token, timeoutSeconds) {
  const now = emulator.getUpdates(token);
  if (now.length > 0 || timeoutSeconds === 0) {
    return Promise.resolve(now);
  }

  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      userEvents.forEach((name) => emulator.off(name, done));
      resolve(emulator.getUpdates(token));
    };
    const timer = setTimeout(done, timeoutSeconds * 1000);
    userEvents.forEach((name) => emulator.on(name, done));
  });
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.length === 0 ? {} : JSON.parse(text));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer((req, res) => {
  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url.split('?')[0]);
  const method = match && match[2];
  if (method !== 'getUpdates' && req.url !== '/getUpdates') {
    // Polls are left out: they come every second. The token is a test value.
    process.stderr.write(`${req.method} ${match ? `bot ${method}` : req.url}\n`);
  }

  const override = method && overrides[method];
  if (!override) {
    app(req, res);
    return;
  }

  readJson(req)
    .then((body) => override(match[1], body))
    .then((result) => send(res, 200, { ok: true, result }))
    .catch((error) => send(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${error.message}` }));
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
