import { dirname, join } from 'node:path';

/** Files the IDE page loads: [package, file inside it] (works without a network). */
export const GRAPHIQL_ASSETS: Readonly<Record<string, readonly [string, string]>> = {
  'react.js': ['react', 'umd/react.production.min.js'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.css': ['graphiql', 'graphiql.min.css'],
};

/** Resolved from each package's root: their "exports" maps do not list the UMD builds. */
export function graphiqlAssetPath(file: string): string | undefined {
  const asset = GRAPHIQL_ASSETS[file];
  if (asset === undefined) {
    return undefined;
  }
  const [pkg, path] = asset;
  return join(dirname(require.resolve(`${pkg}/package.json`)), path);
}

export function graphiqlPage(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Stretch clinic platform — GraphQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide"></div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    const headers = JSON.stringify({ Authorization: 'Bearer <paste the token npm start printed>' }, null, 2);
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultHeaders: headers,
        defaultQuery: '# Paste a token into Headers below, then run:\\n{\\n  clinics { id code name timezone treatments { code durationMinutes pricePence } }\\n}\\n',
        shouldPersistHeaders: true,
      }),
    );
  </script>
</body>
</html>`;
}
