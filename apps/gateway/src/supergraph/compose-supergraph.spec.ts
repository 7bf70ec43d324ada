import { composeSupergraph } from './compose-supergraph';

const owner = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { clinics: [Clinic!]! }
  type Clinic @key(fields: "id") { id: ID! name: String! }
`;
const extender = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Clinic @key(fields: "id") { id: ID! bookingReady: Boolean! }
`;

describe(composeSupergraph.name, () => {
  it('joins an entity that two subgraphs contribute fields to', () => {
    const supergraph = composeSupergraph([
      { name: 'therapist-roster', url: 'http://roster/graphql', sdl: owner },
      { name: 'booking', url: 'http://booking/graphql', sdl: extender },
    ]);
    expect(supergraph).toContain('bookingReady: Boolean! @join__field(graph: BOOKING)');
    expect(supergraph).toContain('name: String! @join__field(graph: THERAPIST_ROSTER)');
  });

  it('names every composition error', () => {
    const clash = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Clinic @key(fields: "id") { id: ID! name: Int! }
    `;
    expect(() =>
      composeSupergraph([
        { name: 'therapist-roster', url: 'http://roster/graphql', sdl: owner },
        { name: 'booking', url: 'http://booking/graphql', sdl: clash },
      ]),
    ).toThrow(/do not compose[\s\S]*Clinic\.name/);
  });
});
