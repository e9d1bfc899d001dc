import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A real Neo4j (the server's own engine, from Maven Central) with Bolt on a
 * free loopback port and authentication on, for the test run and for
 * `npm run neo4j`. Run as a single source file:
 *
 *   java -Xmx1g -cp "$(classpath of pom.xml)" Neo4jTestServer.java [options]
 *
 * Options: --password P (default: the test password), --port N (default: a
 * free one), --data DIR (default: a temporary folder, removed at shutdown),
 * --pagecache MB, and any number of --setting key=value for settings that one
 * Neo4j version has and another lacks (db.query.default_language).
 *
 * When Bolt accepts connections it prints one line:
 *   NEO4J_READY bolt://127.0.0.1:PORT version=VERSION
 * and it shuts the database down cleanly on SIGTERM or SIGINT, then prints
 * NEO4J_STOPPED. A --data directory it made before starts again as it is.
 */
public final class Neo4jTestServer {
  static final String TEST_PASSWORD = "samverkan-test";

  public static void main(String[] args) throws Exception {
    String password = TEST_PASSWORD;
    int port = 0;
    Path data = null;
    long pagecacheMb = 256;
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--password" -> { password = value; i++; }
        case "--port" -> { port = Integer.parseInt(value); i++; }
        case "--data" -> { data = Path.of(value); i++; }
        case "--pagecache" -> { pagecacheMb = Long.parseLong(value); i++; }
        case "--setting" -> { settings.add(value); i++; }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    boolean temporary = data == null;
    Path home = temporary ? Files.createTempDirectory("neo4j-test-") : data;
    if (port == 0) port = freePort();

    // Settings a version may lack go through a properties file, read as neo4j.conf is.
    Path conf = Files.createTempFile("neo4j-test-", ".conf");
    Files.write(conf, settings);

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .loadPropertiesFromFile(conf)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .build();
    Files.deleteIfExists(conf);

    CountDownLatch stopped = new CountDownLatch(1);
    final Path dataHome = home;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.shutdown();
      if (temporary) deleteTree(dataHome);
      // Said only once every database has closed: what a caller checks for a clean stop.
      System.out.println("NEO4J_STOPPED");
      System.out.flush();
      stopped.countDown();
    }));

    try {
      // The built-in user starts with a password that must be changed; the tests sign in with a known one.
      // A kept --data directory has had it changed already, and Neo4j refuses to set the same one again.
      var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
      boolean fresh = system.executeTransactionally(
          "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
          java.util.Map.of(), result -> result.hasNext() && (Boolean) result.next().get("passwordChangeRequired"));
      if (fresh) system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
      // Ready means the graph's database serves, not only the system one: a kept --data directory may still be recovering.
      if (!service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000))
        throw new IllegalStateException("database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + " did not become available in 120 s");
    } catch (RuntimeException e) {
      // Neo4j's own threads would keep the JVM up, never ready: a caller waits for an exit instead.
      e.printStackTrace();
      System.exit(1);
    }

    String version = org.neo4j.kernel.internal.Version.getNeo4jVersion();
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " version=" + version);
    System.out.flush();
    stopped.await();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
