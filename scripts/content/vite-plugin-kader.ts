import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { buildKader, kaderJsonSchema } from './build-kader.ts';
import { ContentValidationError } from './content-error.ts';

interface Options {
  contentDir: string;
  schemaFile: string;
}

/**
 * Compiles content/ into /kader.json. A content error stops the build with every
 * problem listed (file, path, message); in dev it is shown in the terminal and the
 * app gets a 500 so nobody reads stale content by accident.
 */
export function kaderPlugin({ contentDir, schemaFile }: Options): Plugin {
  let json = '';
  const compile = () => {
    json = JSON.stringify(buildKader(contentDir));
    return json;
  };
  return {
    name: 'handelingskader-content',
    buildStart() {
      this.addWatchFile(contentDir);
      try {
        compile();
      } catch (error) {
        if (error instanceof ContentValidationError) this.error(error.message);
        throw error;
      }
      mkdirSync(dirname(schemaFile), { recursive: true });
      writeFileSync(schemaFile, `${JSON.stringify(kaderJsonSchema(), null, 2)}\n`);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'kader.json', source: json });
    },
    configureServer(server) {
      server.middlewares.use('/kader.json', (_req, res) => {
        try {
          res.setHeader('Content-Type', 'application/json');
          res.end(compile());
        } catch (error) {
          res.statusCode = 500;
          res.end(JSON.stringify({ error: String(error) }));
        }
      });
    },
  };
}
