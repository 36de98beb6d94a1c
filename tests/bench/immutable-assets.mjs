// How a deployment serves a Vite build, for both pages the bench compares (the app's production
// build and the baseline page): the files under /assets/ have a content hash in their names, so
// they are cached for a year without revalidation (`immutable`); index.html is not (it names the
// current hashes). `vite preview` alone revalidates every file on every load (sirv in dev mode:
// `no-cache` + ETag → a 304 round trip per file), which no production server does.
// A real server: nginx `location /assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; }`.

/** @returns {import('vite').Plugin} */
export function immutableAssets() {
  return {
    name: 'bench-immutable-assets',
    configurePreviewServer(server) {
      // Runs before the static-file middleware; sirv keeps a Cache-Control already set.
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/assets/')) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
        next();
      });
    },
  };
}
