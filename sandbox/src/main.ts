// Placeholder: the local sandbox of both order APIs lands with issue 4.
console.error('The sandbox is not built yet.');
process.exit(1);
