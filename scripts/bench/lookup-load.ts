import autocannon from 'autocannon';

/**
 * The load for the lookup benchmark, run as a process of its own (`node --import tsx
 * scripts/bench/lookup-load.ts <url> <applicants>`) so that generating requests does not take the
 * measured server's CPU, as with autocannon's own command line: 2 s of warm-up, then 10 s with 10
 * connections, each request a right pair for a random one of the seeded applicants. Prints the
 * measured run as one JSON line.
 */
const [url, applicants] = process.argv.slice(2);
const applicantCount = Number(applicants);
if (!url || !Number.isInteger(applicantCount) || applicantCount < 1) throw new Error('usage: lookup-load.ts <lookup url> <number of applicants>');

function lookupRequest(): string {
  const n = 1 + Math.floor(Math.random() * applicantCount);
  return new URLSearchParams({ reference: `B${String(n).padStart(7, '0')}`, email: `applicant${n}@example.com`, language: 'en' }).toString();
}

const options = {
  url,
  method: 'POST' as const,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: lookupRequest() }) }],
};
await autocannon({ ...options, connections: 10, duration: 2 });
const result = await autocannon({ ...options, connections: 10, duration: 10 });
console.log(JSON.stringify({ requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors }));
