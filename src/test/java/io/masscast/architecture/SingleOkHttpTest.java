package io.masscast.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retrofit, the Slack client and JDA each bring an OkHttp; two copies on the classpath fail at run time
 * in ways no compiler sees. The pom pins one (okhttp-jvm 5.2.1); this keeps it so.
 */
class SingleOkHttpTest {

    @Test
    void exactlyOneJarProvidesOkHttp() throws IOException {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));

        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).contains("okhttp-jvm-5.2.1");
    }
}
