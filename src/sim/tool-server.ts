import { createServer, type Socket } from 'node:net';

/** One run of a simulated tool, as its client sent it. */
export interface ToolRequest {
  /** The tool the client stands for (kubectl, vagrant). */
  tool: string;
  /** The client's process id: the pid the program that ran the tool sees. */
  pid: number;
  cwd: string;
  /** Its GLUSTER_LAB_SIM_STATE ('' when not set). */
  stateFile: string;
  stdin: string;
  argv: string[];
}

export interface ToolAnswer {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ToolServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a simulated tool on 127.0.0.1 to the small shell client `toolClientScript`
 * writes: the client is the tool's executable (what the program under test starts, with
 * its arguments and stdin); the answer is computed here, in the process that started the
 * simulated lab, by the simulator's own code. A call then costs a shell's start, not a
 * Node process's (about 10 ms against 130 on a small machine), and the suite and the demo
 * make thousands of them.
 *
 * The request is a count line, then that many fields, each its length in bytes, a newline
 * and the bytes: tool, pid, cwd, state file, stdin, then each argument. The answer is one line,
 * "CODE STDERR" (stderr escaped for the shell's printf %b), then stdout to the end.
 */
export async function startToolServer(answer: (request: ToolRequest) => ToolAnswer | Promise<ToolAnswer>): Promise<ToolServer> {
  const server = createServer((socket) => serve(socket, answer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // The lab's owner (a test, the demo) decides when the process ends, not the server.
  server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the simulated tools’ server has no port');
  return {
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function serve(socket: Socket, answer: (request: ToolRequest) => ToolAnswer | Promise<ToolAnswer>): void {
  let buffered = Buffer.alloc(0);
  let done = false;
  // A client stopped half-way (its caller killed it) just goes away.
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    if (done) return;
    buffered = Buffer.concat([buffered, chunk]);
    const fields = readFields(buffered);
    if (fields === undefined) return;
    done = true;
    const [tool = '', pid = '', cwd = '', stateFile = '', stdin = '', ...argv] = fields;
    void Promise.resolve()
      .then(() => answer({ tool, pid: Number(pid), cwd, stateFile, stdin, argv }))
      .catch((error: unknown) => ({ code: 1, stdout: '', stderr: `${error instanceof Error ? error.stack : String(error)}\n` }))
      .then((reply) => socket.end(`${reply.code} ${escapeForPrintf(reply.stderr)}\n${reply.stdout}`));
  });
}

/** The request's fields once all of them arrived; undefined until then. */
export function readFields(data: Buffer): string[] | undefined {
  let at = 0;
  const line = (): number | undefined => {
    const end = data.indexOf(0x0a, at);
    if (end === -1) return undefined;
    const value = Number(data.subarray(at, end).toString('latin1'));
    at = end + 1;
    return value;
  };
  const count = line();
  if (count === undefined) return undefined;
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = line();
    if (length === undefined || at + length > data.length) return undefined;
    fields.push(data.subarray(at, at + length).toString('utf8'));
    at += length;
  }
  return fields;
}

/** `text` as one line that the shell's `printf '%b'` turns back into it. */
export function escapeForPrintf(text: string): string {
  return text.replace(/[\\\x00-\x1f\x7f]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : `\\0${c.charCodeAt(0).toString(8).padStart(3, '0')}`));
}

export interface ToolClient {
  tool: string;
  /** Whether it reads stdin with `-f -` (kubectl); otherwise stdin is never read. */
  readsStdin: boolean;
  /** Served only for these subcommands (the first argument not a flag); any other runs `otherwise` with the arguments. */
  only?: { subcommands: readonly string[]; otherwise: readonly string[] };
}

/**
 * The executable a simulated tool's caller starts: a bash script that sends the tool's
 * name, its pid, cwd, GLUSTER_LAB_SIM_STATE, stdin (only with `-f -`, as kubectl reads it)
 * and arguments to the server on `port`, prints the answer's stderr and stdout, and exits
 * with its code. Bash for its /dev/tcp; LC_ALL=C so that ${#x} counts bytes.
 */
export function toolClientScript(client: ToolClient, port: number): string {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const only = client.only
    ? `sub=
for arg in "$@"; do
  case "$arg" in -*) ;; *) sub=$arg; break ;; esac
done
case "$sub" in
  ${client.only.subcommands.join(' | ')}) ;;
  *) exec ${client.only.otherwise.map(quote).join(' ')} "$@" ;;
esac
`
    : '';
  const stdin = client.readsStdin
    ? `input=
prev=
for arg in "$@"; do
  case "$prev $arg" in '-f -' | '--filename -') input=1 ;; esac
  if [ "$arg" = --filename=- ]; then input=1; fi
  prev=$arg
done
if [ -n "$input" ]; then
  stdin=$(cat; printf x)
  stdin=\${stdin%x}
fi
`
    : '';
  return `#!/usr/bin/env bash
# The simulated ${client.tool}: its answer comes from the process that started the simulated
# lab (src/sim/tool-server.ts), over 127.0.0.1.
${only}export LC_ALL=C
exec 3<>/dev/tcp/127.0.0.1/${port} || exit 1
stdin=
${stdin}field() { printf '%d\\n%s' "\${#1}" "$1"; }
{
  printf '%d\\n' $(($# + 5))
  field ${client.tool}
  field "$$"
  field "$PWD"
  field "\${GLUSTER_LAB_SIM_STATE-}"
  field "$stdin"
  for arg in "$@"; do field "$arg"; done
} >&3
IFS= read -r head <&3 || exit 1
printf '%b' "\${head#* }" >&2
cat <&3
exit "\${head%% *}"
`;
}
