/**
 * Mantine's styles, imported per component as its documentation describes
 * (https://mantine.dev/styles/css-files-list/) instead of the whole `@mantine/core/styles.css`:
 * the global styles and the components of the login page. The page frame's (AppShell, Burger,
 * NavLink) and the signed-in pages' other components come with the signed-in layout
 * (./styles-app.ts).
 *
 * The `.layer.css` files put Mantine in `@layer mantine`, so the app's own CSS modules win
 * whatever the load order. A component's styles come after those of the components it is built
 * on (Button after UnstyledButton), as Mantine requires.
 */
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import '@mantine/core/styles/UnstyledButton.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Paper.layer.css';
import '@mantine/core/styles/CloseButton.layer.css';
import '@mantine/core/styles/Group.layer.css';
import '@mantine/core/styles/Stack.layer.css';
import '@mantine/core/styles/Center.layer.css';
import '@mantine/core/styles/Loader.layer.css';
import '@mantine/core/styles/Skeleton.layer.css';
import '@mantine/core/styles/Text.layer.css';
import '@mantine/core/styles/Title.layer.css';
import '@mantine/core/styles/Anchor.layer.css';
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/Alert.layer.css';
import '@mantine/core/styles/List.layer.css';
import '@mantine/core/styles/Input.layer.css';
import '@mantine/core/styles/PasswordInput.layer.css';
import '@mantine/core/styles/Button.layer.css';
import '@mantine/core/styles/ActionIcon.layer.css';
import '@mantine/core/styles/Notification.layer.css';
// Other Mantine packages' styles after @mantine/core's.
import '@mantine/notifications/styles.layer.css';
