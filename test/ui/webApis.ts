/**
 * Web APIs the engine uses that jest's jsdom window lacks: Node's own implementations stand in.
 * Import this first, before modules that use them when they load (apache-arrow).
 */
import { ReadableStream } from 'stream/web';
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { ReadableStream, TextDecoder, TextEncoder });
