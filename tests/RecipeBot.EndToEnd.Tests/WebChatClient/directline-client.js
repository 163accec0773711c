// A visitor through Microsoft's Direct Line client (botframework-directlinejs), as Web Chat uses it, in Node.
// Usage: node directline-client.js <bot base URL> <polling|websocket>
// Gets a token from /webchat/token, starts the conversation, sends /start, presses the answer's "English" button,
// then the button whose choice is "official", and prints each step as a JSON line for the test to check.
'use strict';

global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, mode] = process.argv.slice(2);
const print = (step, value) => process.stdout.write(JSON.stringify({ step, ...value }) + '\n');
const fail = (message) => { print('error', { message: String(message) }); process.exit(1); };
setTimeout(() => fail('timed out'), 60000).unref();

async function main() {
  const answer = await fetch(new URL('/webchat/token', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ locale: 'en' })
  });
  if (!answer.ok) { fail('token: ' + answer.status); }
  const { token, conversationId: tokenConversation, expires_in: expiresIn } = await answer.json();
  print('token', { conversationId: tokenConversation, expiresIn });

  const directLine = new DirectLine({
    token,
    domain: new URL('/v3/directline', baseUrl).href,
    webSocket: mode === 'websocket',
    pollingInterval: 200
  });
  const seen = [];
  const waiting = [];
  directLine.activity$.subscribe(
    (activity) => {
      seen.push(activity);
      for (const w of waiting.splice(0)) { if (!w(activity)) { waiting.push(w); } }
    },
    (error) => fail('activity$: ' + error));
  directLine.connectionStatus$.subscribe((status) => {
    if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) { fail('connection status ' + status); }
  });

  // The next bot message after `after` activities, with its buttons.
  const botMessage = (after) => new Promise((resolve) => {
    const match = (a) => a.type === 'message' && a.from && a.from.role === 'bot';
    const earlier = seen.slice(after).find(match);
    if (earlier) { resolve(earlier); return; }
    waiting.push((a) => (match(a) ? (resolve(a), true) : false));
  });
  const post = (activity) => new Promise((resolve, reject) =>
    directLine.postActivity({ from: { id: 'visitor', name: 'Visitor' }, type: 'message', ...activity })
      .subscribe((id) => resolve(id), (error) => reject(error)));
  const show = (step, activity, id) => print(step, {
    id,
    conversationId: directLine.conversationId || (activity.conversation && activity.conversation.id),
    text: activity.text,
    buttons: ((activity.suggestedActions && activity.suggestedActions.actions) || []).map((a) => ({ title: a.title, type: a.type, choice: a.value && a.value.choice }))
  });

  // The bot greets the new conversation on its own.
  const greeting = await botMessage(0);
  show('greeting', greeting);

  let from = seen.length;
  const startId = await post({ text: '/start' });
  const welcome = await botMessage(from);
  show('start', welcome, startId);
  const echoed = seen.some((a) => a.id === startId && a.from.role === 'user' && a.text === '/start');
  print('echo', { echoed });

  // Press "English" as Web Chat does: messageBack, the label shown, the choice in the value.
  const language = welcome.suggestedActions.actions.find((a) => a.value && a.value.choice === 'en');
  from = seen.length;
  const englishId = await post({ text: language.text, value: language.value, channelData: { messageBack: { displayText: language.displayText } } });
  const role = await botMessage(from);
  show('pressed', role, englishId);

  const official = role.suggestedActions.actions.find((a) => a.value && a.value.choice === 'official');
  from = seen.length;
  const officialId = await post({ text: official.text, value: official.value });
  const phase = await botMessage(from);
  show('pressed-again', phase, officialId);

  directLine.end();
  print('done', {});
  process.exit(0);
}

main().catch(fail);
