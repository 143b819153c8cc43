package io.skirmish.cluster;

/**
 * The Lua scripts that change the directory. Each runs atomically in Redis, so two nodes racing for
 * the same code or the last seat cannot both win. Time is Redis's own clock ({@code TIME}), so
 * expiry does not depend on the nodes' clocks.
 *
 * <p>Keys (prefix {@code skirmish:}): {@code node:ID} (hash) and the index {@code nodes} (zset by
 * expiry); {@code room:ID} (hash) and the index {@code rooms} (zset by expiry); {@code code:CODE}
 * (the room id, or {@code pool:NODE} while a node holds it unused); {@code room-resv:ID} (zset of
 * reservation tokens by expiry); {@code resv:TOKEN} ("ROOM NODE KIND", expires by itself).
 */
final class Scripts {
    private Scripts() {}

    private static final String NOW = "local t = redis.call('TIME'); local now = t[1] * 1000 + math.floor(t[2] / 1000)\n";

    /** ARGV: id url players rooms accepting ttlMs. */
    static final String HEARTBEAT = NOW + """
            local k = 'skirmish:node:' .. ARGV[1]
            redis.call('HSET', k, 'id', ARGV[1], 'url', ARGV[2], 'players', ARGV[3], 'rooms', ARGV[4], 'accepting', ARGV[5])
            redis.call('PEXPIRE', k, ARGV[6])
            redis.call('ZADD', 'skirmish:nodes', now + tonumber(ARGV[6]), ARGV[1])
            return 1
            """;

    /** ARGV: id. */
    static final String LEAVE = """
            redis.call('DEL', 'skirmish:node:' .. ARGV[1])
            redis.call('ZREM', 'skirmish:nodes', ARGV[1])
            return 1
            """;

    /** Live nodes, each as a flat hash array. */
    static final String NODES = NOW + """
            redis.call('ZREMRANGEBYSCORE', 'skirmish:nodes', '-inf', now)
            local out = {}
            for _, id in ipairs(redis.call('ZRANGE', 'skirmish:nodes', 0, -1)) do
              local h = redis.call('HGETALL', 'skirmish:node:' .. id)
              if #h > 0 then out[#out + 1] = h end
            end
            return out
            """;

    /**
     * Writes a room's entry. ARGV: id node code phase taken capacity public locked map ttlMs.
     * Returns 0 when the room's code is held by another room (the entry is written without it).
     */
    static final String PUBLISH = NOW + """
            local id, node, code, ttl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[10])
            local k = 'skirmish:room:' .. id
            redis.call('HSET', k, 'id', id, 'node', node, 'code', code, 'phase', ARGV[4], 'taken', ARGV[5],
              'capacity', ARGV[6], 'public', ARGV[7], 'locked', ARGV[8], 'map', ARGV[9])
            redis.call('PEXPIRE', k, ttl)
            redis.call('ZADD', 'skirmish:rooms', now + ttl, id)
            if redis.call('EXISTS', 'skirmish:room-resv:' .. id) == 1 then
              redis.call('PEXPIRE', 'skirmish:room-resv:' .. id, ttl)
            end
            if code ~= '' then
              local ck = 'skirmish:code:' .. code
              local cur = redis.call('GET', ck)
              if cur and cur ~= id and cur ~= ('pool:' .. node) then
                redis.call('HSET', k, 'code', '')
                return 0
              end
              redis.call('SET', ck, id, 'PX', ttl)
            end
            return 1
            """;

    /**
     * Removes a room's entry, its code and its reservations, unless the entry is another node's now
     * (the room moved there). ARGV: id code node.
     */
    static final String UNPUBLISH = """
            local id, code = ARGV[1], ARGV[2]
            local owner = redis.call('HGET', 'skirmish:room:' .. id, 'node')
            if owner and owner ~= ARGV[3] then return 0 end
            redis.call('DEL', 'skirmish:room:' .. id, 'skirmish:room-resv:' .. id)
            redis.call('ZREM', 'skirmish:rooms', id)
            if code ~= '' and redis.call('GET', 'skirmish:code:' .. code) == id then
              redis.call('DEL', 'skirmish:code:' .. code)
            end
            return 1
            """;

    /** Every live room as a flat hash array, with 'pending' (live reservations) added. */
    static final String ROOMS = NOW + """
            redis.call('ZREMRANGEBYSCORE', 'skirmish:rooms', '-inf', now)
            local out = {}
            for _, id in ipairs(redis.call('ZRANGE', 'skirmish:rooms', 0, -1)) do
              local h = redis.call('HGETALL', 'skirmish:room:' .. id)
              if #h > 0 then
                local pk = 'skirmish:room-resv:' .. id
                redis.call('ZREMRANGEBYSCORE', pk, '-inf', now)
                h[#h + 1] = 'pending'
                h[#h + 1] = tostring(redis.call('ZCARD', pk))
                out[#out + 1] = h
              end
            end
            return out
            """;

    /** The room holding a code, as a flat hash array (empty when none). ARGV: code. */
    static final String LOCATE = """
            local id = redis.call('GET', 'skirmish:code:' .. ARGV[1])
            if not id or string.sub(id, 1, 5) == 'pool:' then return {} end
            return redis.call('HGETALL', 'skirmish:room:' .. id)
            """;

    /**
     * Claims a code for a node's pool, or keeps one it holds. ARGV: code node ttlMs. Returns 1 when
     * the code is the node's.
     */
    static final String CLAIM_CODE = """
            local ck = 'skirmish:code:' .. ARGV[1]
            local cur = redis.call('GET', ck)
            if cur and cur ~= ('pool:' .. ARGV[2]) then return 0 end
            redis.call('SET', ck, 'pool:' .. ARGV[2], 'PX', ARGV[3])
            return 1
            """;

    /**
     * Reserves a seat in a room if one is free, counting seats taken and live reservations.
     * ARGV: room token kind ttlMs. Returns 'OK', 'FULL' or 'GONE'.
     */
    static final String RESERVE_SEAT = NOW + """
            local id, token, ttl = ARGV[1], ARGV[2], tonumber(ARGV[4])
            local k = 'skirmish:room:' .. id
            local f = redis.call('HMGET', k, 'taken', 'capacity', 'node')
            if not f[1] then return 'GONE' end
            local pk = 'skirmish:room-resv:' .. id
            redis.call('ZREMRANGEBYSCORE', pk, '-inf', now)
            if tonumber(f[1]) + redis.call('ZCARD', pk) >= tonumber(f[2]) then return 'FULL' end
            redis.call('ZADD', pk, now + ttl, token)
            redis.call('PEXPIRE', pk, math.max(ttl, redis.call('PTTL', k)))
            redis.call('SET', 'skirmish:resv:' .. token, id .. ' ' .. f[3] .. ' ' .. ARGV[3], 'PX', ttl)
            return 'OK'
            """;

    /** A reservation for a new room on a node (quick play when no room has a seat). ARGV: node token ttlMs. */
    static final String RESERVE_NODE = """
            redis.call('SET', 'skirmish:resv:' .. ARGV[2], '- ' .. ARGV[1] .. ' node', 'PX', ARGV[3])
            return 'OK'
            """;

    /**
     * Uses a reservation up (once). ARGV: token node. Returns "ROOM KIND" ("-" for a node
     * reservation), or false when it is unknown, expired, used, for another node, or its room is gone.
     */
    static final String CONSUME = """
            local k = 'skirmish:resv:' .. ARGV[1]
            local v = redis.call('GET', k)
            if not v then return false end
            redis.call('DEL', k)
            local room, node, kind = string.match(v, '^(%S+) (%S+) (%S+)$')
            if node ~= ARGV[2] then return false end
            if room ~= '-' then
              local removed = redis.call('ZREM', 'skirmish:room-resv:' .. room, ARGV[1])
              if removed == 0 or redis.call('EXISTS', 'skirmish:room:' .. room) == 0 then return false end
              redis.call('HINCRBY', 'skirmish:room:' .. room, 'taken', 1)
            end
            return room .. ' ' .. kind
            """;
}
