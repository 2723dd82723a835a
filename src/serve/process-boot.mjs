// Entry of the build child process (see buildInProcess in builder.ts): registers tsx when the body is a .ts file
// (npm start, vitest), then imports the body, whose URL is the first argument.
const entry = process.argv[2];
if (entry.endsWith(".ts")) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(entry);
