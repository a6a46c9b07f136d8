package io.masscast.ofauth;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/** OkHttp clients whose DNS or TCP connect fail a given number of times before working, all on loopback. */
final class FailingNetwork {

    private FailingNetwork() {}

    /** The first {@code failures} connects are refused, as by a closed port. */
    static OkHttpClient refusingConnects(int failures) {
        AtomicInteger left = new AtomicInteger(failures);
        return loopbackOnly()
                .socketFactory(new SocketFactory() {
                    @Override
                    public Socket createSocket() {
                        return new Socket() {
                            @Override
                            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                                if (left.getAndDecrement() > 0) {
                                    throw new ConnectException("Connection refused");
                                }
                                super.connect(endpoint, timeout);
                            }
                        };
                    }

                    @Override
                    public Socket createSocket(String host, int port) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(InetAddress host, int port) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                        throw new UnsupportedOperationException();
                    }
                })
                .build();
    }

    /** The first {@code failures} lookups fail, as for an unknown host. */
    static OkHttpClient failingLookups(int failures) {
        AtomicInteger left = new AtomicInteger(failures);
        return new OkHttpClient.Builder()
                .dns(host -> {
                    if (left.getAndDecrement() > 0) {
                        throw new UnknownHostException(host + ": Name or service not known");
                    }
                    return List.of(InetAddress.getLoopbackAddress());
                })
                .build();
    }

    private static OkHttpClient.Builder loopbackOnly() {
        Dns loopback = host -> List.of(InetAddress.getLoopbackAddress());
        return new OkHttpClient.Builder().dns(loopback);
    }
}
