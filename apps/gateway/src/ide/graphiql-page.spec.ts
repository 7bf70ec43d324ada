import { existsSync } from 'node:fs';
import { graphiqlAssetPath, graphiqlPage, GRAPHIQL_ASSETS } from './graphiql-page';

describe(graphiqlPage.name, () => {
  it('loads every script and style from the gateway itself, never a CDN', () => {
    const page = graphiqlPage('/graphql');
    const urls = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBe(Object.keys(GRAPHIQL_ASSETS).length);
    expect(urls.every((url) => url?.startsWith('/graphiql/assets/'))).toBe(true);
  });

  it('finds every asset in the installed packages', () => {
    for (const file of Object.keys(GRAPHIQL_ASSETS)) {
      const path = graphiqlAssetPath(file);
      expect(path !== undefined && existsSync(path)).toBe(true);
    }
  });

  it('serves nothing outside the list', () => {
    expect(graphiqlAssetPath('../../package.json')).toBeUndefined();
  });
});
