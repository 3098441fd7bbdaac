// @ts-check
import { defineConfig } from 'astro/config';

// The public status page: static HTML built from the database (see api/site/ for rebuilds).
export default defineConfig({
  srcDir: 'site',
  publicDir: 'site/public',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: true,
});
