package io.skirmish.recorder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a game's inputs are written into a recording. A record of primitives and strings (the usual
 * input type, such as the arena's) is written field by field in binary, in declaration order: exact
 * (doubles bit for bit, NaN included) and cheap on the game thread. Any other type is written as JSON
 * with Gson (NaN and infinities allowed).
 */
abstract class InputCodec {
    private static final Map<Class<?>, InputCodec> CODECS = new ConcurrentHashMap<>();

    abstract void write(DataOutputStream out, Object input) throws IOException;

    abstract Object read(DataInputStream in) throws IOException;

    static InputCodec of(Class<?> type) {
        return CODECS.computeIfAbsent(type, InputCodec::make);
    }

    private static InputCodec make(Class<?> type) {
        if (type.isRecord()) {
            try {
                return new Fields(type);
            } catch (ReflectiveOperationException | UnsupportedOperationException | SecurityException e) {
                // Some component this codec cannot write: fall back to JSON.
            }
        }
        return new Json(type);
    }

    /** A record of primitives, boxed primitives and strings. */
    private static final class Fields extends InputCodec {
        private final Class<?>[] types;
        private final MethodHandle[] getters;
        private final MethodHandle constructor;

        Fields(Class<?> type) throws ReflectiveOperationException {
            RecordComponent[] rc = type.getRecordComponents();
            types = new Class<?>[rc.length];
            getters = new MethodHandle[rc.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                if (!supported(types[i])) throw new UnsupportedOperationException(types[i].getName());
                var accessor = rc[i].getAccessor();
                accessor.setAccessible(true);
                // (Object)T with T the component's own type, so that invokeExact returns a primitive
                // without boxing it: an input is written on the game thread, once per player per tick.
                getters[i] = lookup.unreflect(accessor).asType(MethodType.methodType(types[i], Object.class));
            }
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            constructor = lookup.unreflectConstructor(c).asSpreader(Object[].class, types.length);
        }

        private static boolean supported(Class<?> t) {
            return t == int.class || t == long.class || t == double.class || t == float.class || t == boolean.class
                    || t == short.class || t == byte.class || t == char.class || t == String.class;
        }

        @Override
        void write(DataOutputStream out, Object input) throws IOException {
            try {
                for (int i = 0; i < types.length; i++) {
                    Class<?> t = types[i];
                    MethodHandle g = getters[i];
                    if (t == int.class) out.writeInt((int) g.invokeExact(input));
                    else if (t == double.class) out.writeDouble((double) g.invokeExact(input));
                    else if (t == boolean.class) out.writeBoolean((boolean) g.invokeExact(input));
                    else if (t == long.class) out.writeLong((long) g.invokeExact(input));
                    else if (t == float.class) out.writeFloat((float) g.invokeExact(input));
                    else if (t == short.class) out.writeShort((short) g.invokeExact(input));
                    else if (t == byte.class) out.writeByte((byte) g.invokeExact(input));
                    else if (t == char.class) out.writeChar((char) g.invokeExact(input));
                    else {
                        String v = (String) g.invokeExact(input);
                        out.writeBoolean(v != null);
                        if (v != null) out.writeUTF(v);
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Object read(DataInputStream in) throws IOException {
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                Class<?> t = types[i];
                if (t == int.class) args[i] = in.readInt();
                else if (t == double.class) args[i] = in.readDouble();
                else if (t == boolean.class) args[i] = in.readBoolean();
                else if (t == long.class) args[i] = in.readLong();
                else if (t == float.class) args[i] = in.readFloat();
                else if (t == short.class) args[i] = in.readShort();
                else if (t == byte.class) args[i] = in.readByte();
                else if (t == char.class) args[i] = in.readChar();
                else args[i] = in.readBoolean() ? in.readUTF() : null;
            }
            try {
                return constructor.invoke(args);
            } catch (RuntimeException | Error e) {
                throw new IOException("cannot rebuild an input: " + e, e);
            } catch (Throwable e) {
                throw new IOException(e);
            }
        }
    }

    /** Any other type: JSON. */
    private static final class Json extends InputCodec {
        private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setLenient().create();
        private final Class<?> type;

        Json(Class<?> type) {
            this.type = type;
        }

        @Override
        void write(DataOutputStream out, Object input) throws IOException {
            out.writeUTF(GSON.toJson(input, type));
        }

        @Override
        Object read(DataInputStream in) throws IOException {
            return GSON.fromJson(in.readUTF(), type);
        }
    }
}
