export function encodeGbk(text: string): Uint8Array;
