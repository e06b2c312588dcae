// Fails fast with a clear message when the scripts run on the wrong Node.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(
    `Radio Code Desk's tests need Node 22+ (found ${process.version}). Use npm scripts: they run on the pinned Node 24 in node_modules/.bin.`,
  )
  process.exit(1)
}
console.log(`node ${process.version}`)
