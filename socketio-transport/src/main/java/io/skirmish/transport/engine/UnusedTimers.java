package io.skirmish.transport.engine;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reflection, as a last resort, for one netty-socketio defect: every {@code SocketIOChannelInitializer}
 * creates a {@code HashedWheelTimer} in a private field, including the default initializer that
 * {@code SocketIOServer} creates and never uses once {@code setPipelineFactory} replaced it. Nothing
 * public stops those timers, and Netty's leak detector logs an ERROR with a stack trace for each one
 * that is garbage-collected unstopped (seen in tests that start several servers). These helpers read
 * the private fields; on any failure they do nothing, which only brings back that log line.
 */
final class UnusedTimers {
    private static final Logger log = LoggerFactory.getLogger(UnusedTimers.class);

    private UnusedTimers() {}

    /** The scheduler an initializer created for itself, or null. */
    static CancelableScheduler of(SocketIOChannelInitializer initializer) {
        return (CancelableScheduler) read(SocketIOChannelInitializer.class, "scheduler", initializer);
    }

    /** The pipeline factory a server holds now (before {@code setPipelineFactory}: its unused default), or null. */
    static SocketIOChannelInitializer defaultInitializer(SocketIOServer server) {
        return (SocketIOChannelInitializer) read(SocketIOServer.class, "pipelineFactory", server);
    }

    static void stop(CancelableScheduler scheduler) {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    private static Object read(Class<?> owner, String name, Object target) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("cannot read {}.{}: {}", owner.getSimpleName(), name, e.toString());
            return null;
        }
    }
}
