// Preloaded (`node --import`) into the child processes the site build starts (Astro's build), which are spawned with
// an IPC channel: when the command that started one dies without stopping it (`kill -9`, an OOM kill), the channel
// closes and the child ends too. Left running, it would go on writing into the staging dir that the next run, which
// takes the dead run's lock over, builds into as well. Plain JavaScript: it runs before any loader.
if (process.channel) {
  // The channel must not keep the child alive once its work is done.
  process.channel.unref();
  process.on('disconnect', () => {
    process.stderr.write('parallax: the command that started this site build has ended; stopping the build\n');
    process.exit(1);
  });
}
