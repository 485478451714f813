'use strict';
// Runs one Amazon States Language definition with aws-local-stepfunctions and routes every Task state to
// the .NET process that started it, over JSON lines on stdin/stdout:
//   -> {"type":"task","id":N,"state":S,"input":X}      <- {"id":N,"output":Y} | {"id":N,"error":E,"cause":C}
//   -> {"type":"event","event":{...}}                  (execution event log, as it happens)
//   -> {"type":"done","status":"SUCCEEDED"|"FAILED","output":Y,"error":E,"cause":C}
// Usage: node local-sfn.cjs <aws-local-stepfunctions dir> <request.json>
//   request.json: {"definition":{...},"input":{...},"taskStates":[...],"waitStates":[...],
//                  "waitMs":N|null,"retryMs":N|null,"context":{...}}

// aws-local-stepfunctions 3 calls Promise.withResolvers (Node >= 22). Node 20 lacks it; this is the
// spec's definition, installed only when missing.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => { resolve = res; reject = rej; });
      return { promise, resolve, reject };
    },
  });
}

const fs = require('node:fs');
const readline = require('node:readline');

const [, , modulePath, requestPath] = process.argv;
const { StateMachine } = require(modulePath);
const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));

const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');
// Error causes may be strings, Error objects or JSON values; the protocol carries text.
const text = (value) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : value instanceof Error ? value.message : JSON.stringify(value));
const pending = new Map();
let nextId = 1;

const replies = readline.createInterface({ input: process.stdin });
replies.on('line', (line) => {
  const reply = JSON.parse(line);
  const waiter = pending.get(reply.id);
  if (!waiter) return;
  pending.delete(reply.id);
  if (reply.error !== undefined && reply.error !== null) {
    const error = new Error(reply.cause ?? '');
    error.name = reply.error;
    waiter.reject(error);
  } else {
    waiter.resolve(reply.output);
  }
});

const taskResourceLocalHandlers = {};
for (const state of request.taskStates) {
  taskResourceLocalHandlers[state] = (input) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    send({ type: 'task', id, state, input });
  });
}

const overrides = { taskResourceLocalHandlers };
if (request.waitMs !== null && request.waitMs !== undefined) {
  overrides.waitTimeOverrides = Object.fromEntries(request.waitStates.map((s) => [s, request.waitMs]));
}
if (request.retryMs !== null && request.retryMs !== undefined) {
  overrides.retryIntervalOverrides = Object.fromEntries(request.taskStates.map((s) => [s, request.retryMs]));
}

async function main() {
  const machine = new StateMachine(request.definition, { validationOptions: { checkPaths: true, checkArn: true } });
  const execution = machine.run(request.input, { overrides, context: request.context });
  const events = (async () => {
    for await (const event of execution.eventLogs) send({ type: 'event', event });
  })();
  let done;
  try {
    done = { type: 'done', status: 'SUCCEEDED', output: await execution.result };
  } catch (caught) {
    // The library wraps the state's error in an ExecutionError; report the error Step Functions would.
    const error = caught && caught.name === 'ExecutionError' && caught.cause instanceof Error ? caught.cause : caught;
    done = { type: 'done', status: 'FAILED', error: String(error.name), cause: text(error.message) };
  }
  await events;
  send(done);
}

main()
  .catch((error) => send({ type: 'done', status: 'FAILED', error: 'Dqe.RunnerError', cause: String(error && error.stack || error) }))
  .finally(() => { replies.close(); process.stdin.destroy(); });
