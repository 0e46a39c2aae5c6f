import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function yamlToModule(text: string, file: string): string;
export const esbuildYaml: EsbuildPlugin;
export const esbuildJsonData: EsbuildPlugin;
export const viteYaml: VitePlugin;
