/// Whether the dashboard of `model` shows only the too-small notice at `width` x `height` ("enlarge or press q"):
/// the live view then lets `q` quit whatever overlay is open, since none of them can be seen.
package func dashboardIsTooSmall(_ model: DashboardModel, width: Int, height: Int) -> Bool {
    Dashboard(model).layout(width: width, height: height).tooSmall
}
