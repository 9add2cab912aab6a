"""End-to-end check with the official MCP Python SDK: start `altur mcp --allow-writes` (its
settings from the environment), list its tools, create an EndUser, read it back.

Usage: python enduser_roundtrip.py ALTUR_BINARY
Prints one JSON line: {"tools": [...], "created": {...}, "read": {...}}.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def field(value, snake, camel):
    """An attribute under its newer (snake_case) or older (camelCase) SDK name."""
    return getattr(value, snake) if hasattr(value, snake) else getattr(value, camel)


async def main(binary):
    server = StdioServerParameters(
        command=binary, args=["mcp", "--allow-writes"], env=dict(os.environ)
    )
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            info = await session.initialize()
            server_info = field(info, "server_info", "serverInfo")
            assert server_info.name == "altur", server_info
            tools = [tool.name for tool in (await session.list_tools()).tools]
            created = await session.call_tool(
                "enduser_create", {"name": "Grace Hopper", "info": "from python"}
            )
            assert not field(created, "is_error", "isError"), created
            enduser = field(created, "structured_content", "structuredContent")
            read_back = await session.call_tool("enduser_get", {"id": enduser["id"]})
            assert not field(read_back, "is_error", "isError"), read_back
            print(json.dumps({"tools": tools, "created": enduser,
                              "read": field(read_back, "structured_content", "structuredContent")}))


asyncio.run(main(sys.argv[1]))
