package dev.ijoka.store.contract;

import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A reader or transaction each of whose calls runs in a transaction of its own, so a test can say
 * {@code assertThat(reads.feature(id)).contains(f)}.
 */
final class OneShot {

    private OneShot() {}

    static StoreReader reads(Store store) {
        return proxy(StoreReader.class, (method, args) -> store.read(r -> call(method, r, args)));
    }

    static StoreTransaction writes(Store store) {
        return proxy(StoreTransaction.class, (method, args) -> store.write(tx -> call(method, tx, args)));
    }

    private interface Runner {
        Object run(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Runner runner) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "one-shot " + type.getSimpleName() : method.invoke(runner, args);
            }
            return runner.run(method, args == null ? new Object[0] : args);
        });
        return type.cast(proxy);
    }

    private static Object call(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
