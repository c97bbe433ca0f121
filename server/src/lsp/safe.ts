// Every handler goes through here: an exception is logged and answered with the handler's
// empty answer, and a cancelled request gets the protocol's cancellation error.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export function safe<P, R>(connection: Connection, name: string, fallback: R, handler: Handler<P, R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    if (token?.isCancellationRequested) return cancelled();
    try {
      const result = await handler(params, token);
      if (token?.isCancellationRequested) return cancelled();
      return result;
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

/** For notifications: nothing to answer, but never throw. */
export function safeNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>) {
  return async (params: P): Promise<void> => {
    try {
      await handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}
