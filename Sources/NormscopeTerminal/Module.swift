// The ncurses backend and TUI event loop live here.
import CNcursesw
import NormscopeDraw
import NormscopeEngine
