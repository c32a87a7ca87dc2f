// Running a command to completion: resolves with its stdout; the error message
// carries stdout and stderr.
import { spawn } from 'node:child_process';

export function run(command, args, { cwd, env, timeoutMs = 10 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      output += d;
      stdout += d;
    });
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` in ${cwd} failed (${signal ?? `exit ${code}`}):\n${output.slice(-6000)}`,
          ),
        );
    });
  });
}
