package io.masscast.adapter.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PipedInputTest {

    @Test
    void linesEndAtNewLinesAsBufferedReaderEndsThem() {
        PipedInput in = new PipedInput(new BufferedReader(new StringReader("one\ntwo\r\nthree\rfour")));

        assertThat(in.readLine("", 100)).contains("one");
        assertThat(in.readLine("", 100)).contains("two");
        assertThat(in.readLine("", 100)).contains("three");
        assertThat(in.readLine("", 100)).contains("four");
        assertThat(in.readLine("", 100)).isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsCutAndTheRestOfItSkippedWithoutHoldingIt() {
        PipedInput in = new PipedInput(new BufferedReader(new Reader() {
            private long left = 40_000_000;
            private boolean nextSent;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left > 0) {
                    int n = (int) Math.min(length, left);
                    java.util.Arrays.fill(buffer, offset, offset + n, '9');
                    left -= n;
                    return n;
                }
                if (!nextSent) {
                    nextSent = true;
                    "\nnext\n".getChars(0, 6, buffer, offset);
                    return 6;
                }
                return -1;
            }

            @Override
            public void close() {}
        }));

        assertThat(in.readLine("", 25_000))
                .hasValueSatisfying(line -> assertThat(line).hasSize(25_001));
        assertThat(in.readLine("", 25_000)).contains("next");
    }
}
