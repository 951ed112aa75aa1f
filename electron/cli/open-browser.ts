import { spawn } from 'node:child_process';

/** Opens the console in the user's browser where there is one; silently does nothing otherwise. */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI) return false;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? ['xdg-open', [url]]
          : [null, []];
  if (command === null) return false;
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
