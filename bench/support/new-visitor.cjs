// autocannon's setupRequest (loaded by its worker thread): every request is a new visitor, with a browser string of its own.
const { randomUUID } = require("node:crypto");

module.exports = (request) => ({
  ...request,
  headers: { ...request.headers, "user-agent": `Mozilla/5.0 (X11; Linux x86_64) BenchVisitor/${randomUUID()}` },
});
