import type { APIRoute, GetStaticPaths } from 'astro';
import type { StatuspageDocuments } from '../../../../api/status/statuspage-types';
import { loadSnapshot } from '../../../data/load-snapshot';

// The Statuspage v2 read API as static files (/api/v2/summary.json, …), one path per document.
export const getStaticPaths: GetStaticPaths = () =>
  Object.keys(loadSnapshot().statuspage).map((document) => ({ params: { document } }));

export const GET: APIRoute = ({ params }) => {
  const document = loadSnapshot().statuspage[params.document as keyof StatuspageDocuments];
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/json' } });
};
