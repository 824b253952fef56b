// Edge entry (Cloudflare Workers / workerd): bundled with esbuild as Cloudflare's tooling does, then
// run by Miniflare; the checks run inside the fetch handler, where a Worker's code runs.
import * as api from 'cx-metrics';
import { runSmoke } from './smoke.mjs';

export default {
  async fetch() {
    return new Response(JSON.stringify({ runtime: 'workerd', userAgent: navigator.userAgent, module: 'esm', ...runSmoke(api) }), {
      headers: { 'content-type': 'application/json' },
    });
  },
};
